using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BadgeListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_admitted_on_id",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_admitted_on_id",
                table: "members",
                columns: new[] { "admitted_on", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "organization_id", "status", "readmissions" });

            migrationBuilder.CreateIndex(
                name: "ix_members_readmitted",
                table: "members",
                columns: new[] { "admitted_on", "id" },
                filter: "readmissions > 0")
                .Annotation("Npgsql:IndexInclude", new[] { "organization_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_admitted_on_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_readmitted",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_admitted_on_id",
                table: "members",
                columns: new[] { "admitted_on", "id" });
        }
    }
}
