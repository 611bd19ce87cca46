using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ClarificationAnswerHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "earlier_answers",
                table: "clarifications",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_answered_at",
                table: "clarifications",
                type: "timestamp with time zone",
                nullable: true);

            // Answers given before this version were never edited: their first answer is the current one.
            migrationBuilder.Sql("UPDATE clarifications SET first_answered_at = answered_at WHERE answered_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "earlier_answers",
                table: "clarifications");

            migrationBuilder.DropColumn(
                name: "first_answered_at",
                table: "clarifications");
        }
    }
}
