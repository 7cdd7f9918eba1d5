using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExemptionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ExemptionMarkings_CommitteeId",
                table: "ExemptionMarkings",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemptionMarkings_EntityType_EntityKey",
                table: "ExemptionMarkings",
                columns: new[] { "EntityType", "EntityKey" });

            migrationBuilder.AddForeignKey(
                name: "FK_ExemptionMarkings_Committees_CommitteeId",
                table: "ExemptionMarkings",
                column: "CommitteeId",
                principalTable: "Committees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ExemptionMarkings_Committees_CommitteeId",
                table: "ExemptionMarkings");

            migrationBuilder.DropIndex(
                name: "IX_ExemptionMarkings_CommitteeId",
                table: "ExemptionMarkings");

            migrationBuilder.DropIndex(
                name: "IX_ExemptionMarkings_EntityType_EntityKey",
                table: "ExemptionMarkings");
        }
    }
}
