using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueAndResultsPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ranked_count",
                table: "award_decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "results",
                table: "award_decisions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "ix_calls_published_at_id",
                table: "calls",
                columns: new[] { "published_at", "id" },
                descending: new[] { true, false },
                filter: "status <> 'Draft' AND published_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_calls_published_at_id",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "ranked_count",
                table: "award_decisions");

            migrationBuilder.DropColumn(
                name: "results",
                table: "award_decisions");
        }
    }
}
