using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Rotations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rotations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    member_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false, collation: "vi-VN-x-icu"),
                    from_organization_id = table.Column<long>(type: "bigint", nullable: false),
                    from_appointment_id = table.Column<long>(type: "bigint", nullable: true),
                    from_position_name = table.Column<string>(type: "character varying(503)", maxLength: 503, nullable: false),
                    from_level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to_organization_id = table.Column<long>(type: "bigint", nullable: false),
                    to_position_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    to_level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_on = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_end_on = table.Column<DateOnly>(type: "date", nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actual_end_on = table.Column<DateOnly>(type: "date", nullable: true),
                    return_placement = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rotations", x => x.id);
                    table.ForeignKey(
                        name: "fk_rotations_appointments_from_appointment_id",
                        column: x => x.from_appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rotations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rotations_organizations_from_organization_id",
                        column: x => x.from_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rotations_organizations_to_organization_id",
                        column: x => x.to_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rotations_from_appointment_id",
                table: "rotations",
                column: "from_appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_rotations_from_organization_id_planned_end_on",
                table: "rotations",
                columns: new[] { "from_organization_id", "planned_end_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rotations_member_id",
                table: "rotations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_rotations_to_organization_id_planned_end_on",
                table: "rotations",
                columns: new[] { "to_organization_id", "planned_end_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rotations");
        }
    }
}
