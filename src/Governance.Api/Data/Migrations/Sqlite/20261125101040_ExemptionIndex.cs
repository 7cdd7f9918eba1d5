using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// The markings' indexes. On SQLite the committee's foreign key is created with the table (Exemptions): added
    /// here, it rebuilt the table outside the migration's transaction.
    /// </summary>
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ExemptionMarkings_CommitteeId",
                table: "ExemptionMarkings");

            migrationBuilder.DropIndex(
                name: "IX_ExemptionMarkings_EntityType_EntityKey",
                table: "ExemptionMarkings");
        }
    }
}
