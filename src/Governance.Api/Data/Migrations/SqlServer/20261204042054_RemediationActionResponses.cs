using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.SqlServer
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RemediationActionResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RemediationActionId = table.Column<int>(type: "int", nullable: false),
                    Response = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ReportsDone = table.Column<bool>(type: "bit", nullable: false),
                    RespondedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
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
