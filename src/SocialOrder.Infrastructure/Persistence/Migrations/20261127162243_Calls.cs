using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Calls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    region_id = table.Column<int>(type: "integer", nullable: true),
                    priority_area_id = table.Column<int>(type: "integer", nullable: true),
                    culture = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state_body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    priority_area_id = table.Column<int>(type: "integer", nullable: true),
                    region_id = table.Column<int>(type: "integer", nullable: true),
                    instrument = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    max_per_project = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    duration_months = table.Column<int>(type: "integer", nullable: false),
                    term = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    yearly_budgets = table.Column<string>(type: "jsonb", nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    required_documents = table.Column<string>(type: "jsonb", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    experts_per_bid = table.Column<int>(type: "integer", nullable: false),
                    divergence_threshold = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    minimum_total_score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    amendments = table.Column<string>(type: "jsonb", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('simple', coalesce(title_kk, '') || ' ' || coalesce(title_ru, '') || ' ' || coalesce(title_en, '')), 'A') || setweight(to_tsvector('simple', coalesce(summary_kk, '') || ' ' || coalesce(summary_ru, '') || ' ' || coalesce(summary_en, '')), 'B') || to_tsvector('russian', coalesce(title_ru, '') || ' ' || coalesce(summary_ru, ''))", stored: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    description_en = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    description_kk = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    description_ru = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    eligibility_en = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    eligibility_kk = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    eligibility_ru = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    summary_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    summary_kk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    summary_ru = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    title_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    title_kk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    title_ru = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                    table.ForeignKey(
                        name: "fk_calls_priority_areas_priority_area_id",
                        column: x => x.priority_area_id,
                        principalTable: "priority_areas",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_calls_regions_region_id",
                        column: x => x.region_id,
                        principalTable: "regions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_calls_state_bodies_state_body_id",
                        column: x => x.state_body_id,
                        principalTable: "state_bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_emails",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    to = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    html_body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_emails", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_counters", x => new { x.prefix, x.year });
                });

            migrationBuilder.CreateTable(
                name: "clarifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_by = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clarifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_clarifications_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_call_subscriptions_email_region_id_priority_area_id",
                table: "call_subscriptions",
                columns: new[] { "email", "region_id", "priority_area_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_subscriptions_region_id_priority_area_id",
                table: "call_subscriptions",
                columns: new[] { "region_id", "priority_area_id" });

            migrationBuilder.CreateIndex(
                name: "ix_call_subscriptions_token",
                table: "call_subscriptions",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_instrument_status",
                table: "calls",
                columns: new[] { "instrument", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_priority_area_id_status",
                table: "calls",
                columns: new[] { "priority_area_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_reference_number",
                table: "calls",
                column: "reference_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_region_id_status",
                table: "calls",
                columns: new[] { "region_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_search_vector",
                table: "calls",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_calls_state_body_id_created_at",
                table: "calls",
                columns: new[] { "state_body_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_status_budget",
                table: "calls",
                columns: new[] { "status", "budget" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_status_closes_at",
                table: "calls",
                columns: new[] { "status", "closes_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_status_opens_at",
                table: "calls",
                columns: new[] { "status", "opens_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_status_published_at",
                table: "calls",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_term_status",
                table: "calls",
                columns: new[] { "term", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_clarifications_call_id_asked_at",
                table: "clarifications",
                columns: new[] { "call_id", "asked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_emails_pending",
                table: "outgoing_emails",
                column: "id",
                filter: "sent_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_subscriptions");

            migrationBuilder.DropTable(
                name: "clarifications");

            migrationBuilder.DropTable(
                name: "outgoing_emails");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "calls");
        }
    }
}
