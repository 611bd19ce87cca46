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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "budget_lines",
                table: "agreements");
        }
    }
}
