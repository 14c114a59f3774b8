using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrozenReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "frozen_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    organization_id = table.Column<long>(type: "bigint", nullable: false),
                    form_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    form = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    period_from = table.Column<DateOnly>(type: "date", nullable: true),
                    report_date = table.Column<DateOnly>(type: "date", nullable: false),
                    parameters = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    result_json = table.Column<string>(type: "jsonb", nullable: false),
                    frozen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    frozen_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_frozen_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_frozen_reports_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_frozen_reports_organization_id_report_date",
                table: "frozen_reports",
                columns: new[] { "organization_id", "report_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "frozen_reports");
        }
    }
}
