using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Cadres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "planning_batches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    term_start_year = table.Column<int>(type: "integer", nullable: false),
                    term_end_year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    appraised_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appraisal_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planning_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_planning_batches_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "positions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "vi-VN-x-icu"),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    body_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    body_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_committee_seat = table.Column<bool>(type: "boolean", nullable: false),
                    required_political_theory = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    standard_source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positions", x => x.id);
                    table.ForeignKey(
                        name: "fk_positions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "appointments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    position_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    position_name = table.Column<string>(type: "character varying(503)", maxLength: 503, nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    is_concurrent = table.Column<bool>(type: "boolean", nullable: false),
                    is_acting = table.Column<bool>(type: "boolean", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                    table.ForeignKey(
                        name: "fk_appointments_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_appointments_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "planning_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    batch_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    position_id = table.Column<long>(type: "bigint", nullable: false),
                    position_name = table.Column<string>(type: "character varying(503)", maxLength: 503, nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    member_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu"),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    added_on = table.Column<DateOnly>(type: "date", nullable: false),
                    added_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    removed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    removed_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planning_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_planning_entries_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_planning_entries_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_planning_entries_planning_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "planning_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_planning_entries_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_active_term",
                table: "appointments",
                columns: new[] { "term_ends_on", "id" },
                filter: "ended_on is null")
                .Annotation("Npgsql:IndexInclude", new[] { "organization_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_member_id",
                table: "appointments",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_organization_id",
                table: "appointments",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_appointments_position_id",
                table: "appointments",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_batches_organization_id_term_start_year",
                table: "planning_batches",
                columns: new[] { "organization_id", "term_start_year" });

            migrationBuilder.CreateIndex(
                name: "ix_planning_entries_batch_id",
                table: "planning_entries",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_entries_member_id",
                table: "planning_entries",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_entries_organization_id",
                table: "planning_entries",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_planning_entries_position_id",
                table: "planning_entries",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "ix_positions_organization_id",
                table: "positions",
                column: "organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "planning_entries");

            migrationBuilder.DropTable(
                name: "planning_batches");

            migrationBuilder.DropTable(
                name: "positions");
        }
    }
}
