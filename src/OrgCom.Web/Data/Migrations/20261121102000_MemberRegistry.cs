using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(30)",
                oldMaxLength: 30);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "admitted_on",
                table: "members",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AddColumn<string>(
                name: "academic_title",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "admission_decision_number",
                table: "members",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "awards",
                table: "members",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "birthplace",
                table: "members",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "candidate_stage",
                table: "members",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ceremony_on",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "citizen_id",
                table: "members",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ended_on",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ethnicity",
                table: "members",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "exempt_since",
                table: "members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "family",
                table: "members",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "foreign_languages",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "general_education",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hometown",
                table: "members",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "information_technology",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "introducers",
                table: "members",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "occupation",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "other_names",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "party_card_number",
                table: "members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "photo",
                table: "members",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "photo_content_type",
                table: "members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "political_theory",
                table: "members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "professional",
                table: "members",
                type: "character varying(150)",
                maxLength: 150,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "readmissions",
                table: "members",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "religion",
                table: "members",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "residence",
                table: "members",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "work_history",
                table: "members",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateTable(
                name: "member_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    other_organization_id = table.Column<long>(type: "bigint", nullable: true),
                    discipline_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_events_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_events_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_organization_id = table.Column<long>(type: "bigint", nullable: false),
                    to_organization_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    letter_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    present_by = table.Column<DateOnly>(type: "date", nullable: false),
                    temporary_until = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    issued_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    received_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    member_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu"),
                    member_birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    member_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfers_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfers_organizations_from_organization_id",
                        column: x => x.from_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfers_organizations_to_organization_id",
                        column: x => x.to_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_citizen_id",
                table: "members",
                column: "citizen_id",
                unique: true,
                filter: "citizen_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_members_organization_id_status",
                table: "members",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_members_party_card_number",
                table: "members",
                column: "party_card_number",
                unique: true,
                filter: "party_card_number is not null");

            migrationBuilder.CreateIndex(
                name: "ix_member_events_member_id_effective_on",
                table: "member_events",
                columns: new[] { "member_id", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_member_events_organization_id_kind_effective_on",
                table: "member_events",
                columns: new[] { "organization_id", "kind", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_from_organization_id_status",
                table: "transfers",
                columns: new[] { "from_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_to_organization_id_status",
                table: "transfers",
                columns: new[] { "to_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_transfers_member_in_transit",
                table: "transfers",
                column: "member_id",
                unique: true,
                filter: "status = 'InTransit'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_events");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropIndex(
                name: "ix_members_citizen_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_organization_id_status",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_party_card_number",
                table: "members");

            migrationBuilder.DropColumn(
                name: "academic_title",
                table: "members");

            migrationBuilder.DropColumn(
                name: "admission_decision_number",
                table: "members");

            migrationBuilder.DropColumn(
                name: "awards",
                table: "members");

            migrationBuilder.DropColumn(
                name: "birthplace",
                table: "members");

            migrationBuilder.DropColumn(
                name: "candidate_stage",
                table: "members");

            migrationBuilder.DropColumn(
                name: "ceremony_on",
                table: "members");

            migrationBuilder.DropColumn(
                name: "citizen_id",
                table: "members");

            migrationBuilder.DropColumn(
                name: "ended_on",
                table: "members");

            migrationBuilder.DropColumn(
                name: "ethnicity",
                table: "members");

            migrationBuilder.DropColumn(
                name: "exempt_since",
                table: "members");

            migrationBuilder.DropColumn(
                name: "family",
                table: "members");

            migrationBuilder.DropColumn(
                name: "foreign_languages",
                table: "members");

            migrationBuilder.DropColumn(
                name: "general_education",
                table: "members");

            migrationBuilder.DropColumn(
                name: "hometown",
                table: "members");

            migrationBuilder.DropColumn(
                name: "information_technology",
                table: "members");

            migrationBuilder.DropColumn(
                name: "introducers",
                table: "members");

            migrationBuilder.DropColumn(
                name: "occupation",
                table: "members");

            migrationBuilder.DropColumn(
                name: "other_names",
                table: "members");

            migrationBuilder.DropColumn(
                name: "party_card_number",
                table: "members");

            migrationBuilder.DropColumn(
                name: "photo",
                table: "members");

            migrationBuilder.DropColumn(
                name: "photo_content_type",
                table: "members");

            migrationBuilder.DropColumn(
                name: "political_theory",
                table: "members");

            migrationBuilder.DropColumn(
                name: "professional",
                table: "members");

            migrationBuilder.DropColumn(
                name: "readmissions",
                table: "members");

            migrationBuilder.DropColumn(
                name: "religion",
                table: "members");

            migrationBuilder.DropColumn(
                name: "residence",
                table: "members");

            migrationBuilder.DropColumn(
                name: "work_history",
                table: "members");

            migrationBuilder.AlterColumn<string>(
                name: "status",
                table: "members",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "admitted_on",
                table: "members",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
