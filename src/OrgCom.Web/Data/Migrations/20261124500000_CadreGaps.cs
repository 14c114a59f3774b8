using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CadreGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rank",
                table: "positions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "term_end_year",
                table: "personnel_submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "term_start_year",
                table: "personnel_submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "nominations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    member_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu"),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    position_id = table.Column<long>(type: "bigint", nullable: false),
                    position_name = table.Column<string>(type: "character varying(503)", maxLength: 503, nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    submission_id = table.Column<long>(type: "bigint", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    outcome_on = table.Column<DateOnly>(type: "date", nullable: true),
                    outcome_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nominations", x => x.id);
                    table.ForeignKey(
                        name: "fk_nominations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_personnel_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "personnel_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_member_id",
                table: "nominations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_organization_id_decision_date",
                table: "nominations",
                columns: new[] { "organization_id", "decision_date" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_position_id",
                table: "nominations",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_submission_id_member_id",
                table: "nominations",
                columns: new[] { "submission_id", "member_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nominations");

            migrationBuilder.DropColumn(
                name: "rank",
                table: "positions");

            migrationBuilder.DropColumn(
                name: "term_end_year",
                table: "personnel_submissions");

            migrationBuilder.DropColumn(
                name: "term_start_year",
                table: "personnel_submissions");
        }
    }
}
