using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringVisitsAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state_body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visited_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    @checked = table.Column<string>(name: "checked", type: "character varying(4000)", maxLength: 4000, nullable: false),
                    observer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    remarks = table.Column<string>(type: "jsonb", nullable: false),
                    photos = table.Column<string>(type: "jsonb", nullable: false),
                    open_actions = table.Column<int>(type: "integer", nullable: false),
                    next_action_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_visits_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sent_reminders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sent_reminders", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_visits_agreement_id_visited_on",
                table: "monitoring_visits",
                columns: new[] { "agreement_id", "visited_on" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_visits_next_action_due_on",
                table: "monitoring_visits",
                column: "next_action_due_on",
                filter: "open_actions > 0");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_visits_open_actions",
                table: "monitoring_visits",
                column: "agreement_id",
                filter: "open_actions > 0");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_visits_organization_id",
                table: "monitoring_visits",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_sent_reminders_kind_agreement_id_item",
                table: "sent_reminders",
                columns: new[] { "kind", "agreement_id", "item" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_visits");

            migrationBuilder.DropTable(
                name: "sent_reminders");
        }
    }
}
