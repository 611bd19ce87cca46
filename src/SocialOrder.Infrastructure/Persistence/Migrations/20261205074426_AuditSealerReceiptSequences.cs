using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialOrder.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditSealerReceiptSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "previous_hash",
                table: "audit_events",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "hash",
                table: "audit_events",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sealed_at",
                table: "audit_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "audit_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_unsealed",
                table: "audit_events",
                column: "id",
                filter: "sequence IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_sequence",
                table: "audit_events",
                column: "sequence",
                unique: true);

            // Events written before the sealer were chained in id order at insert time: their place in the chain is
            // their id (gaps included), so every head already published (which named an event id) still matches.
            migrationBuilder.Sql("""
                ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
                UPDATE audit_events SET sequence = id, sealed_at = occurred_at WHERE sequence IS NULL;
                ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
                """);

            // Still append-only, with one exception: the sealer linking an unsealed event into the chain, once, with
            // its content untouched. Sealed events, and the content of unsealed ones, cannot be changed or removed.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF OLD.sequence IS NULL AND NEW.sequence IS NOT NULL
                           AND NEW.hash IS NOT NULL AND NEW.previous_hash IS NOT NULL AND NEW.sealed_at IS NOT NULL
                           AND (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.entity_type,
                                NEW.entity_id, NEW.outcome, NEW.details, NEW.ip_address)
                               IS NOT DISTINCT FROM
                               (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.entity_type,
                                OLD.entity_id, OLD.outcome, OLD.details, OLD.ip_address)
                        THEN
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'audit_events is append-only';
                END;
                $$;
                """);

            // Numbers with gaps from one sequence per prefix and year (receipts: ADR 30), created on first use. The
            // common path is a catalogue lookup and nextval; only the first number of a year creates the sequence, and a
            // creator racing another simply uses the one that won.
            migrationBuilder.Sql("""
                CREATE FUNCTION next_reference_number(p_prefix text, p_year integer) RETURNS bigint LANGUAGE plpgsql AS $$
                DECLARE
                    sequence_name text := lower('reference_' || p_prefix || '_' || p_year);
                BEGIN
                    IF p_prefix !~ '^[A-Za-z]{1,10}$' OR p_year NOT BETWEEN 1 AND 9999 THEN
                        RAISE EXCEPTION 'invalid reference number prefix or year: % %', p_prefix, p_year;
                    END IF;
                    IF to_regclass(sequence_name) IS NULL THEN
                        BEGIN
                            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', sequence_name);
                        EXCEPTION WHEN unique_violation OR duplicate_table THEN
                            NULL;
                        END;
                    END IF;
                    RETURN nextval(sequence_name::regclass);
                END;
                $$;
                """);

            // Receipts numbered so far by the counter row go on from where it stopped, in a sequence of their own.
            migrationBuilder.Sql("""
                DO $$
                DECLARE
                    counter record;
                BEGIN
                    FOR counter IN SELECT year, last_value FROM reference_counters WHERE prefix = 'RCP' AND last_value > 0 LOOP
                        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', 'reference_rcp_' || counter.year);
                        PERFORM setval(('reference_rcp_' || counter.year)::regclass, counter.last_value);
                    END LOOP;
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION next_reference_number(text, integer);");
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_events is append-only';
                END;
                $$;
                """);

            migrationBuilder.DropIndex(
                name: "ix_audit_events_unsealed",
                table: "audit_events");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_sequence",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "sealed_at",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "audit_events");

            migrationBuilder.AlterColumn<string>(
                name: "previous_hash",
                table: "audit_events",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "hash",
                table: "audit_events",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character(64)",
                oldFixedLength: true,
                oldMaxLength: 64,
                oldNullable: true);
        }
    }
}
