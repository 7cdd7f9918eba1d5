using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RemediationActionResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OwnerIsSupplier",
                table: "RemediationActions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RemediationActionResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RemediationActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReportsDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    RespondedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemediationActionResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemediationActionResponses_RemediationActions_RemediationActionId",
                        column: x => x.RemediationActionId,
                        principalTable: "RemediationActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RemediationActionResponses_RemediationActionId",
                table: "RemediationActionResponses",
                column: "RemediationActionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RemediationActionResponses");

            migrationBuilder.DropColumn(
                name: "OwnerIsSupplier",
                table: "RemediationActions");
        }
    }
}
