using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExpertEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "experts_see_other_sheets",
                table: "calls",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "reconciliation",
                table: "bids",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "expert_profiles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    priority_area_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    region_ids = table.Column<int[]>(type: "integer[]", nullable: false),
                    languages = table.Column<int>(type: "integer", nullable: false),
                    cv = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    consented_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    max_bids_per_call = table.Column<int>(type: "integer", nullable: false),
                    unavailability = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_profiles", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "expert_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_additional = table.Column<bool>(type: "boolean", nullable: false),
                    assigned_by = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    declaration = table.Column<string>(type: "jsonb", nullable: true),
                    sheet_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    sheet_revision = table.Column<int>(type: "integer", nullable: false),
                    sheet_version = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    history = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_expert_assignments_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_expert_assignments_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_expert_assignments_expert_profiles_expert_id",
                        column: x => x.expert_id,
                        principalTable: "expert_profiles",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_expert_assignments_bid_id_expert_id",
                table: "expert_assignments",
                columns: new[] { "bid_id", "expert_id" },
                unique: true,
                filter: "status in ('Proposed','Assigned','Accepted')");

            migrationBuilder.CreateIndex(
                name: "ix_expert_assignments_call_id_bid_id",
                table: "expert_assignments",
                columns: new[] { "call_id", "bid_id" });

            migrationBuilder.CreateIndex(
                name: "ix_expert_assignments_expert_id_organization_id",
                table: "expert_assignments",
                columns: new[] { "expert_id", "organization_id" });

            migrationBuilder.CreateIndex(
                name: "ix_expert_assignments_expert_id_status",
                table: "expert_assignments",
                columns: new[] { "expert_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_expert_profiles_priority_area_ids",
                table: "expert_profiles",
                column: "priority_area_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_expert_profiles_region_ids",
                table: "expert_profiles",
                column: "region_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_expert_profiles_status_full_name",
                table: "expert_profiles",
                columns: new[] { "status", "full_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expert_assignments");

            migrationBuilder.DropTable(
                name: "expert_profiles");

            migrationBuilder.DropColumn(
                name: "experts_see_other_sheets",
                table: "calls");

            migrationBuilder.DropColumn(
                name: "reconciliation",
                table: "bids");
        }
    }
}
