using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_given_name_middle_name_family_name_id",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_admitted_on_id",
                table: "members",
                columns: new[] { "admitted_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_birth_date_id",
                table: "members",
                columns: new[] { "birth_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_given_name_middle_name_family_name_id",
                table: "members",
                columns: new[] { "given_name", "middle_name", "family_name", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "name_folded", "organization_id", "status", "gender", "birth_date", "admitted_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_admitted_on_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_birth_date_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_given_name_middle_name_family_name_id",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_given_name_middle_name_family_name_id",
                table: "members",
                columns: new[] { "given_name", "middle_name", "family_name", "id" });
        }
    }
}
