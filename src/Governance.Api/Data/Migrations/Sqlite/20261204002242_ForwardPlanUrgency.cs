using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ForwardPlanUrgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ScrutinyChair",
                table: "ForwardPlanEntries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScrutinyChairAgreedOn",
                table: "ForwardPlanEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScrutinyChairInformedOn",
                table: "ForwardPlanEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UrgencyNoticePublishedOn",
                table: "ForwardPlanEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UrgencyRoute",
                table: "ForwardPlanEntries",
                type: "TEXT",
                maxLength: 48,
                nullable: false,
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScrutinyChair",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "ScrutinyChairAgreedOn",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "ScrutinyChairInformedOn",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "UrgencyNoticePublishedOn",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "UrgencyRoute",
                table: "ForwardPlanEntries");
        }
    }
}
