using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExemptionUnmarking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UnmarkReason",
                table: "ExemptionMarkings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnmarkedBy",
                table: "ExemptionMarkings",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnmarkReason",
                table: "ExemptionMarkings");

            migrationBuilder.DropColumn(
                name: "UnmarkedBy",
                table: "ExemptionMarkings");
        }
    }
}
