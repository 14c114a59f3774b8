using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonnelSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personnel_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    competent_organization_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    position_id = table.Column<long>(type: "bigint", nullable: false),
                    position_name = table.Column<string>(type: "character varying(503)", maxLength: 503, nullable: false),
                    is_concurrent = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    prepared_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    prepared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    appraised_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appraisal_opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    returned_on = table.Column<DateOnly>(type: "date", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decision_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personnel_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_personnel_submissions_organizations_competent_organization_~",
                        column: x => x.competent_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_personnel_submissions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_personnel_submissions_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "personnel_submission_cadres",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    submission_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    member_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personnel_submission_cadres", x => x.id);
                    table.ForeignKey(
                        name: "fk_personnel_submission_cadres_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_personnel_submission_cadres_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_personnel_submission_cadres_personnel_submissions_submissio~",
                        column: x => x.submission_id,
                        principalTable: "personnel_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "personnel_submission_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    submission_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    document = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ticked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ticked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personnel_submission_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_personnel_submission_documents_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_personnel_submission_documents_personnel_submissions_submis~",
                        column: x => x.submission_id,
                        principalTable: "personnel_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submission_cadres_member_id",
                table: "personnel_submission_cadres",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submission_cadres_organization_id",
                table: "personnel_submission_cadres",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submission_cadres_submission_id_member_id",
                table: "personnel_submission_cadres",
                columns: new[] { "submission_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submission_documents_organization_id",
                table: "personnel_submission_documents",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submission_documents_submission_id_member_id_docu~",
                table: "personnel_submission_documents",
                columns: new[] { "submission_id", "member_id", "document" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submissions_competent_organization_id",
                table: "personnel_submissions",
                column: "competent_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submissions_organization_id",
                table: "personnel_submissions",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submissions_position_id",
                table: "personnel_submissions",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "ix_personnel_submissions_submitted_on",
                table: "personnel_submissions",
                column: "submitted_on",
                filter: "submitted_on is not null");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personnel_submission_cadres");

            migrationBuilder.DropTable(
                name: "personnel_submission_documents");

            migrationBuilder.DropTable(
                name: "personnel_submissions");
        }
    }
}
