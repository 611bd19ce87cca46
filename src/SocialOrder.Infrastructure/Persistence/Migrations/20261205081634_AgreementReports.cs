using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgreementReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "budget_lines",
                table: "agreements",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateTable(
                name: "agreement_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    versions = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_reports_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_reports_agreement_id_number",
                table: "agreement_reports",
                columns: new[] { "agreement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_reports_organization_id",
                table: "agreement_reports",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_reports_state_body_id_status",
                table: "agreement_reports",
                columns: new[] { "state_body_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_reports");

            migrationBuilder.DropColumn(
                name: "budget_lines",
                table: "agreements");
        }
    }
}
