using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "KeyedFromSequence",
                table: "AuditChainHeads",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Entries written so far were sealed without the key: keyed sealing starts with the next one.
            migrationBuilder.Sql("UPDATE \"AuditChainHeads\" SET \"KeyedFromSequence\" = \"Sequence\" + 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeyedFromSequence",
                table: "AuditChainHeads");
        }
    }
}
