using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContractPerformanceTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite drops the column in place (3.35+), inside the migration's transaction; no table rebuild.
            migrationBuilder.Sql("ALTER TABLE \"Indicators\" DROP COLUMN \"AmberThreshold\";");

            migrationBuilder.AddColumn<decimal>(
                name: "ContractManagerValue",
                table: "Measurements",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnforcementRungs",
                table: "InternalSlas",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "Monitor, HeadOfService, Director, CorporateManagementTeam");

            migrationBuilder.AddColumn<bool>(
                name: "NotReportedCountsAsRed",
                table: "Contracts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NovatedAt",
                table: "Contracts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NovationReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingApproachingTargetFrom",
                table: "Contracts",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingGoodFrom",
                table: "Contracts",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingMinimumRatedShare",
                table: "Contracts",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingRequiresImprovementFrom",
                table: "Contracts",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "S52Exemption",
                table: "Contracts",
                type: "TEXT",
                maxLength: 48,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "S52ExemptionReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Value",
                table: "ContractOptions",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "IndicatorVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    RedThreshold = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Weight = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorVersions_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Occasion = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    AverageScore = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedDocumentId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorVersions_IndicatorId",
                table: "IndicatorVersions",
                column: "IndicatorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorVersions");

            migrationBuilder.DropTable(
                name: "PerformanceAssessments");

            migrationBuilder.DropTable(
                name: "PerformanceNotices");

            migrationBuilder.DropColumn(
                name: "ContractManagerValue",
                table: "Measurements");

            migrationBuilder.DropColumn(
                name: "EnforcementRungs",
                table: "InternalSlas");

            migrationBuilder.DropColumn(
                name: "NotReportedCountsAsRed",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "NovatedAt",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "NovationReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RatingApproachingTargetFrom",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RatingGoodFrom",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RatingMinimumRatedShare",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "RatingRequiresImprovementFrom",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "S52Exemption",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "S52ExemptionReason",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "Value",
                table: "ContractOptions");

            migrationBuilder.AddColumn<decimal>(
                name: "AmberThreshold",
                table: "Indicators",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);
        }
    }
}
