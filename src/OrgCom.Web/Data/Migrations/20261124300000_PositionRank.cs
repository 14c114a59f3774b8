using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PositionRank : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rank",
                table: "positions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rank",
                table: "positions");
        }
    }
}
