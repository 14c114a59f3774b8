using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberSearchProbeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_members_id_search",
                table: "members",
                column: "id")
                .Annotation("Npgsql:IndexInclude", new[] { "organization_id", "status", "gender", "birth_date", "admitted_on", "ethnicity", "political_theory" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_id_search",
                table: "members");
        }
    }
}
