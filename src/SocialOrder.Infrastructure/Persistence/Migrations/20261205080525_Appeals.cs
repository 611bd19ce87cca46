using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Appeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "earlier_protocols",
                table: "award_decisions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "protocol_version",
                table: "award_decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "reopenings",
                table: "award_decisions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // Every decision locked before this migration issued its first protocol.
            migrationBuilder.Sql("UPDATE award_decisions SET protocol_version = 1 WHERE status = 'Locked';");

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    protocol_version = table.Column<int>(type: "integer", nullable: false),
                    filed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    documents = table.Column<string>(type: "jsonb", nullable: false),
                    answer_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_appeals_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appeals_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_call_id_organization_id_protocol_version",
                table: "appeals",
                columns: new[] { "call_id", "organization_id", "protocol_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_call_id_status",
                table: "appeals",
                columns: new[] { "call_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_organization_id",
                table: "appeals",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeals");

            migrationBuilder.DropColumn(
                name: "earlier_protocols",
                table: "award_decisions");

            migrationBuilder.DropColumn(
                name: "protocol_version",
                table: "award_decisions");

            migrationBuilder.DropColumn(
                name: "reopenings",
                table: "award_decisions");
        }
    }
}
