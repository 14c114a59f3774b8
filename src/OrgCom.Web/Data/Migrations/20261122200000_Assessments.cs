using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assessment_rounds",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: false),
                    period_to = table.Column<DateOnly>(type: "date", nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    members_due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessment_rounds_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organization_assessments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    round_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    self_level = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reopen_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    overrides = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    required_count = table.Column<int>(type: "integer", nullable: false),
                    excellent_count = table.Column<int>(type: "integer", nullable: false),
                    good_count = table.Column<int>(type: "integer", nullable: false),
                    completed_count = table.Column<int>(type: "integer", nullable: false),
                    not_completed_count = table.Column<int>(type: "integer", nullable: false),
                    not_assessed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_assessments_assessment_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "assessment_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_organization_assessments_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_assessment_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    self_level = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    proposed_level = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    points = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    final_level = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    not_assessed_reason = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_ratings_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_ratings_organization_assessments_organization_assess~",
                        column: x => x.organization_assessment_id,
                        principalTable: "organization_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_member_ratings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "organization_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_assessment_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    subject_organization_id = table.Column<long>(type: "bigint", nullable: false),
                    final_level = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_ratings_organization_assessments_organization_~",
                        column: x => x.organization_assessment_id,
                        principalTable: "organization_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organization_ratings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_organization_ratings_organizations_subject_organization_id",
                        column: x => x.subject_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assessment_rounds_organization_id",
                table: "assessment_rounds",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessment_rounds_year_kind",
                table: "assessment_rounds",
                columns: new[] { "year", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_member_id",
                table: "member_ratings",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_organization_assessment_id_member_id",
                table: "member_ratings",
                columns: new[] { "organization_assessment_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_ratings_organization_id",
                table: "member_ratings",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_organization_assessments_organization_id",
                table: "organization_assessments",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_organization_assessments_rollup",
                table: "organization_assessments",
                columns: new[] { "round_id", "organization_id", "status" })
                .Annotation("Npgsql:IndexInclude", new[] { "required_count", "excellent_count", "good_count", "completed_count", "not_completed_count", "not_assessed_count" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_assessments_round_id_organization_id",
                table: "organization_assessments",
                columns: new[] { "round_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organization_ratings_organization_assessment_id_subject_org~",
                table: "organization_ratings",
                columns: new[] { "organization_assessment_id", "subject_organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organization_ratings_organization_id",
                table: "organization_ratings",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_organization_ratings_subject_organization_id",
                table: "organization_ratings",
                column: "subject_organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_ratings");

            migrationBuilder.DropTable(
                name: "organization_ratings");

            migrationBuilder.DropTable(
                name: "organization_assessments");

            migrationBuilder.DropTable(
                name: "assessment_rounds");
        }
    }
}
