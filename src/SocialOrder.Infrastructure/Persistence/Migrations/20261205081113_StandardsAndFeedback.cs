using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StandardsAndFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "planned_beneficiaries",
                table: "calls",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "standard_id",
                table: "calls",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "beneficiary_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    culture = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_beneficiary_feedback", x => x.id);
                    table.CheckConstraint("ck_beneficiary_feedback_rating", "rating BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_beneficiary_feedback_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedback_channels",
                columns: table => new
                {
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token = table.Column<string>(type: "character(24)", fixedLength: true, maxLength: 24, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_channels", x => x.agreement_id);
                    table.ForeignKey(
                        name: "fk_feedback_channels_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_standards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    conditions = table.Column<string>(type: "jsonb", nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    unit_cost_norm = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    unit_cost_basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    priority_area_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    service_en = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    service_kk = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    service_ru = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    effective_from = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    partly_effective_from = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    title_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    title_kk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title_ru = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_standards", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_standards_priority_areas_priority_area_id",
                        column: x => x.priority_area_id,
                        principalTable: "priority_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calls_standard_id",
                table: "calls",
                column: "standard_id");

            migrationBuilder.CreateIndex(
                name: "ix_beneficiary_feedback_agreement_id_rating",
                table: "beneficiary_feedback",
                columns: new[] { "agreement_id", "rating" });

            migrationBuilder.CreateIndex(
                name: "ix_beneficiary_feedback_agreement_id_submitted_at",
                table: "beneficiary_feedback",
                columns: new[] { "agreement_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_channels_token",
                table: "feedback_channels",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_standards_draft_code",
                table: "service_standards",
                column: "code",
                unique: true,
                filter: "status = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_service_standards_code_version",
                table: "service_standards",
                columns: new[] { "code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_standards_published_code",
                table: "service_standards",
                column: "code",
                unique: true,
                filter: "status = 'Published'");

            migrationBuilder.CreateIndex(
                name: "ix_service_standards_priority_area_id_status",
                table: "service_standards",
                columns: new[] { "priority_area_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_service_standards_status_code",
                table: "service_standards",
                columns: new[] { "status", "code" });

            migrationBuilder.AddForeignKey(
                name: "fk_calls_service_standards_standard_id",
                table: "calls",
                column: "standard_id",
                principalTable: "service_standards",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_calls_service_standards_standard_id",
                table: "calls");

            migrationBuilder.DropTable(
                name: "beneficiary_feedback");

            migrationBuilder.DropTable(
                name: "feedback_channels");

            migrationBuilder.DropTable(
                name: "service_standards");

            migrationBuilder.DropIndex(
                name: "ix_calls_standard_id",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "planned_beneficiaries",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "standard_id",
                table: "calls");
        }
    }
}
