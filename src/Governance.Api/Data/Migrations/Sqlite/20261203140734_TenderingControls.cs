using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenderingControls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "Scores",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Scores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "Scores",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VoidedAt",
                table: "Scores",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeadlineChangeReason",
                table: "ProcurementStageDates",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmissionsOpenedAt",
                table: "ProcurementStageDates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmissionsOpenedBy",
                table: "ProcurementStageDates",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StandstillEndsAt",
                table: "Procurements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StandstillSuspendedAt",
                table: "Procurements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartedOn",
                table: "Procurements",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "PreferenceRationale",
                table: "OptionsAppraisals",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                table: "ModeratedScores",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ModeratedScores",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // StandstillEndsAt becomes nullable (an assessment summary precedes the award notice). EF would rebuild the
            // table with foreign keys switched off, outside the transaction; no table references AwardLetters, so the
            // same rebuild runs inside this migration's transaction with the keys left on.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_AwardLetters" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_AwardLetters" PRIMARY KEY AUTOINCREMENT,
                    "BidderId" INTEGER NOT NULL,
                    "BidderScore" TEXT NOT NULL,
                    "Content" TEXT NOT NULL,
                    "GeneratedAt" TEXT NOT NULL,
                    "ProcurementId" INTEGER NOT NULL,
                    "Revision" INTEGER NOT NULL,
                    "StandstillEndsAt" TEXT NULL,
                    "Successful" INTEGER NOT NULL,
                    "WinnerName" TEXT NOT NULL,
                    "WinnerScore" TEXT NOT NULL,
                    CONSTRAINT "FK_AwardLetters_Bidders_BidderId" FOREIGN KEY ("BidderId") REFERENCES "Bidders" ("Id") ON DELETE RESTRICT,
                    CONSTRAINT "FK_AwardLetters_Procurements_ProcurementId" FOREIGN KEY ("ProcurementId") REFERENCES "Procurements" ("Id") ON DELETE RESTRICT
                );
                INSERT INTO "ef_temp_AwardLetters" ("Id", "BidderId", "BidderScore", "Content", "GeneratedAt", "ProcurementId", "Revision", "StandstillEndsAt", "Successful", "WinnerName", "WinnerScore")
                SELECT "Id", "BidderId", "BidderScore", "Content", "GeneratedAt", "ProcurementId", "Revision", "StandstillEndsAt", "Successful", "WinnerName", "WinnerScore"
                FROM "AwardLetters";
                DROP TABLE "AwardLetters";
                ALTER TABLE "ef_temp_AwardLetters" RENAME TO "AwardLetters";
                CREATE INDEX "IX_AwardLetters_BidderId" ON "AwardLetters" ("BidderId");
                CREATE UNIQUE INDEX "IX_AwardLetters_ProcurementId_BidderId" ON "AwardLetters" ("ProcurementId", "BidderId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "Scores");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Scores");

            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "Scores");

            migrationBuilder.DropColumn(
                name: "VoidedAt",
                table: "Scores");

            migrationBuilder.DropColumn(
                name: "DeadlineChangeReason",
                table: "ProcurementStageDates");

            migrationBuilder.DropColumn(
                name: "SubmissionsOpenedAt",
                table: "ProcurementStageDates");

            migrationBuilder.DropColumn(
                name: "SubmissionsOpenedBy",
                table: "ProcurementStageDates");

            migrationBuilder.DropColumn(
                name: "StandstillEndsAt",
                table: "Procurements");

            migrationBuilder.DropColumn(
                name: "StandstillSuspendedAt",
                table: "Procurements");

            migrationBuilder.DropColumn(
                name: "StartedOn",
                table: "Procurements");

            migrationBuilder.DropColumn(
                name: "PreferenceRationale",
                table: "OptionsAppraisals");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                table: "ModeratedScores");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ModeratedScores");

            migrationBuilder.AlterColumn<DateTime>(
                name: "StandstillEndsAt",
                table: "AwardLetters",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                oldClrType: typeof(DateTime),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
