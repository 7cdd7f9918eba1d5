using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Governance.Api.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RemediationActionResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RemediationActionId = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReportsDone = table.Column<bool>(type: "boolean", nullable: false),
                    RespondedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemediationActionResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemediationActionResponses_RemediationActions_RemediationAc~",
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
