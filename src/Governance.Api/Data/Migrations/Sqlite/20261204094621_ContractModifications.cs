using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractModifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContractModifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndOnBefore = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOnAfter = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TotalValueBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TotalValueAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    AnnualValueBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    AnnualValueAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    VatBefore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    VatAfter = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MadeAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MadeBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangeNoticeRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangeNoticeRule = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangeNoticeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractModifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractModifications_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContractModifications_ContractId",
                table: "ContractModifications",
                column: "ContractId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContractModifications");
        }
    }
}
