using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CalendarProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PublicationDeadlineProjected",
                table: "AgendaItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicationDeadlineProjected",
                table: "AgendaItems");
        }
    }
}
