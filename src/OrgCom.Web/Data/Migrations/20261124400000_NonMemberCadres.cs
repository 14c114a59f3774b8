using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NonMemberCadres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_appointments_members_member_id",
                table: "appointments");

            migrationBuilder.DropForeignKey(
                name: "fk_retirement_decisions_members_member_id",
                table: "retirement_decisions");

            migrationBuilder.DropForeignKey(
                name: "fk_rotations_members_member_id",
                table: "rotations");

            migrationBuilder.CreateTable(
                name: "non_member_cadres",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "nextval('members_id_seq'::regclass)"),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    full_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu"),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    birth_year_only = table.Column<bool>(type: "boolean", nullable: false),
                    ethnicity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    religion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    professional = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    political_theory = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hometown = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    citizen_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    workplace = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_non_member_cadres", x => x.id);
                    table.ForeignKey(
                        name: "fk_non_member_cadres_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_non_member_cadres_citizen_id",
                table: "non_member_cadres",
                column: "citizen_id",
                unique: true,
                filter: "citizen_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_non_member_cadres_organization_id_full_name",
                table: "non_member_cadres",
                columns: new[] { "organization_id", "full_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "non_member_cadres");

            migrationBuilder.AddForeignKey(
                name: "fk_appointments_members_member_id",
                table: "appointments",
                column: "member_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_retirement_decisions_members_member_id",
                table: "retirement_decisions",
                column: "member_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_rotations_members_member_id",
                table: "rotations",
                column: "member_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
