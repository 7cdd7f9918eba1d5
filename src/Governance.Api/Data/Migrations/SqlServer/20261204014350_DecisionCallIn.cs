using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DecisionCallIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CallIn",
                table: "Decisions",
                type: "nvarchar(48)",
                maxLength: 48,
                nullable: false,
                defaultValue: "NotCalledIn");

            migrationBuilder.AddColumn<DateOnly>(
                name: "CallInConsideredOn",
                table: "Decisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallInMinute",
                table: "Decisions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CallInReason",
                table: "Decisions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CalledInAt",
                table: "Decisions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalledInBy",
                table: "Decisions",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CallIn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CallInConsideredOn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CallInMinute",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CallInReason",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CalledInAt",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CalledInBy",
                table: "Decisions");
        }
    }
}
