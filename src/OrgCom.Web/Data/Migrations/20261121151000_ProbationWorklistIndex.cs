using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProbationWorklistIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_members_probation",
                table: "members",
                columns: new[] { "ceremony_on", "id" },
                filter: "status = 'Probationary'")
                .Annotation("Npgsql:IndexInclude", new[] { "organization_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_probation",
                table: "members");
        }
    }
}
