using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "other_organization_id",
                table: "organization_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reorganization_id",
                table: "organization_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "reorganization_id",
                table: "member_events",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "organization_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "vi-VN-x-icu"),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_organization_versions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reorganizations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    members_moved = table.Column<int>(type: "integer", nullable: false),
                    organizations_moved = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    reversed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reversed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reversal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reorganizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_reorganizations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_placements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    reorganization_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_placements_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_placements_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_placements_reorganizations_reorganization_id",
                        column: x => x.reorganization_id,
                        principalTable: "reorganizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organization_events_reorganization_id",
                table: "organization_events",
                column: "reorganization_id",
                filter: "reorganization_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_member_events_reorganization_id",
                table: "member_events",
                column: "reorganization_id",
                filter: "reorganization_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_as_of",
                table: "member_placements",
                columns: new[] { "organization_id", "valid_from" })
                .Annotation("Npgsql:IndexInclude", new[] { "valid_to", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_member_id_valid_from",
                table: "member_placements",
                columns: new[] { "member_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_reorganization_id",
                table: "member_placements",
                column: "reorganization_id",
                filter: "reorganization_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_organization_versions_as_of",
                table: "organization_versions",
                columns: new[] { "parent_id", "valid_from" })
                .Annotation("Npgsql:IndexInclude", new[] { "valid_to", "organization_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_organization_versions_organization_id_valid_from",
                table: "organization_versions",
                columns: new[] { "organization_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_reorganizations_organization_id_effective_on",
                table: "reorganizations",
                columns: new[] { "organization_id", "effective_on" });

            migrationBuilder.AddForeignKey(
                name: "fk_member_events_reorganizations_reorganization_id",
                table: "member_events",
                column: "reorganization_id",
                principalTable: "reorganizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_organization_events_reorganizations_reorganization_id",
                table: "organization_events",
                column: "reorganization_id",
                principalTable: "reorganizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_member_events_reorganizations_reorganization_id",
                table: "member_events");

            migrationBuilder.DropForeignKey(
                name: "fk_organization_events_reorganizations_reorganization_id",
                table: "organization_events");

            migrationBuilder.DropTable(
                name: "member_placements");

            migrationBuilder.DropTable(
                name: "organization_versions");

            migrationBuilder.DropTable(
                name: "reorganizations");

            migrationBuilder.DropIndex(
                name: "ix_organization_events_reorganization_id",
                table: "organization_events");

            migrationBuilder.DropIndex(
                name: "ix_member_events_reorganization_id",
                table: "member_events");

            migrationBuilder.DropColumn(
                name: "other_organization_id",
                table: "organization_events");

            migrationBuilder.DropColumn(
                name: "reorganization_id",
                table: "organization_events");

            migrationBuilder.DropColumn(
                name: "reorganization_id",
                table: "member_events");
        }
    }
}
