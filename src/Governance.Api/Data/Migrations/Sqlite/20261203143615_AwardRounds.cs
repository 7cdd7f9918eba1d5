using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AwardRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AwardLetters_ProcurementId_BidderId",
                table: "AwardLetters");

            migrationBuilder.AddColumn<int>(
                name: "Round",
                table: "AwardLetters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupersededAt",
                table: "AwardLetters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardLetters_ProcurementId_BidderId_Round",
                table: "AwardLetters",
                columns: new[] { "ProcurementId", "BidderId", "Round" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AwardLetters_ProcurementId_BidderId_Round",
                table: "AwardLetters");

            migrationBuilder.DropColumn(
                name: "Round",
                table: "AwardLetters");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "AwardLetters");

            migrationBuilder.CreateIndex(
                name: "IX_AwardLetters_ProcurementId_BidderId",
                table: "AwardLetters",
                columns: new[] { "ProcurementId", "BidderId" },
                unique: true);
        }
    }
}
