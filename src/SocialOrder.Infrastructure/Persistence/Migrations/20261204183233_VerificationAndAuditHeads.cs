using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class VerificationAndAuditHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_heads",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_heads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "issued_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    file_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    data_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issued_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_issued_documents_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_heads_published_at",
                table: "audit_heads",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_heads_sequence",
                table: "audit_heads",
                column: "sequence");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_call_id",
                table: "issued_documents",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_data_sha256",
                table: "issued_documents",
                column: "data_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_issued_documents_file_sha256",
                table: "issued_documents",
                column: "file_sha256",
                unique: true);

            // A published head is a promise to the public: like the trail, it is never changed or removed.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_heads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_heads is append-only';
                END;
                $$;
                CREATE TRIGGER audit_heads_no_update_delete
                    BEFORE UPDATE OR DELETE ON audit_heads
                    FOR EACH ROW EXECUTE FUNCTION audit_heads_append_only();
                CREATE TRIGGER audit_heads_no_truncate
                    BEFORE TRUNCATE ON audit_heads
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_heads_append_only();
                """);

            // Protocols issued before this migration: their stored PDFs' hashes are known, so they verify like new ones.
            migrationBuilder.Sql("""
                INSERT INTO issued_documents (id, kind, language, file_sha256, data_sha256, issued_at, call_id, number)
                SELECT gen_random_uuid(), 'AwardProtocol', p.language, p.sha, d.decision_sha256, d.locked_at, d.call_id, d.protocol_number
                FROM award_decisions d
                CROSS JOIN LATERAL (VALUES ('kk', d.protocol_kk_sha256), ('ru', d.protocol_ru_sha256)) AS p(language, sha)
                WHERE d.status = 'Locked' AND p.sha IS NOT NULL AND d.decision_sha256 IS NOT NULL
                ON CONFLICT (file_sha256) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_heads_no_truncate ON audit_heads; DROP TRIGGER audit_heads_no_update_delete ON audit_heads;");
            migrationBuilder.DropTable(
                name: "audit_heads");

            migrationBuilder.Sql("DROP FUNCTION audit_heads_append_only();");

            migrationBuilder.DropTable(
                name: "issued_documents");
        }
    }
}
