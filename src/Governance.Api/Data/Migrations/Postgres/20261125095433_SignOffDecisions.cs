using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Governance.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignOffDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Approvals",
                table: "SignOffRequests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Quorum",
                table: "SignOffRequests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "SignOffDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SignOffRequestId = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConditionsDischargedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConditionsDischargedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOffDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignOffDecisions_SignOffRequests_SignOffRequestId",
                        column: x => x.SignOffRequestId,
                        principalTable: "SignOffRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffDecisions_SignOffRequestId_DecidedBy",
                table: "SignOffDecisions",
                columns: new[] { "SignOffRequestId", "DecidedBy" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignOffDecisions");

            migrationBuilder.DropColumn(
                name: "Approvals",
                table: "SignOffRequests");

            migrationBuilder.DropColumn(
                name: "Quorum",
                table: "SignOffRequests");
        }
    }
}
