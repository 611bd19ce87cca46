using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AwardDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "awarded_at",
                table: "calls",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "award_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: false),
                    quorum_fraction = table.Column<decimal>(type: "numeric(6,4)", precision: 6, scale: 4, nullable: false),
                    lines = table.Column<string>(type: "jsonb", nullable: false),
                    dissents = table.Column<string>(type: "jsonb", nullable: false),
                    budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    yearly_budgets = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    locked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    protocol_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    decision_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    protocol_kk_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    protocol_ru_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    protocol_kk_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    protocol_ru_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_award_decisions_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_award_decisions_call_id",
                table: "award_decisions",
                column: "call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_award_decisions_protocol_number",
                table: "award_decisions",
                column: "protocol_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "award_decisions");

            migrationBuilder.DropColumn(
                name: "awarded_at",
                table: "calls");
        }
    }
}
