using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Governance.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractPerformanceTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AmberThreshold",
                table: "Indicators");

            migrationBuilder.AddColumn<decimal>(
                name: "ContractManagerValue",
                table: "Measurements",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnforcementRungs",
                table: "InternalSlas",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "Monitor, HeadOfService, Director, CorporateManagementTeam");

            migrationBuilder.AddColumn<bool>(
                name: "NotReportedCountsAsRed",
                table: "Contracts",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NovatedAt",
                table: "Contracts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NovationReason",
                table: "Contracts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingApproachingTargetFrom",
                table: "Contracts",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingGoodFrom",
                table: "Contracts",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingMinimumRatedShare",
                table: "Contracts",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RatingRequiresImprovementFrom",
                table: "Contracts",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "S52Exemption",
                table: "Contracts",
                type: "character varying(48)",
                maxLength: 48,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "S52ExemptionReason",
                table: "Contracts",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Value",
                table: "ContractOptions",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "IndicatorVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Direction = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    RedThreshold = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Occasion = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Rating = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    AverageScore = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Basis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Policy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    PublishedDocumentId = table.Column<int>(type: "integer", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContractId = table.Column<int>(type: "integer", nullable: false),
                    EscalationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
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
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);
        }
    }
}
