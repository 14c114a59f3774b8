using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// One cadre is rotated to one place at a time: the rule is checked in Core, and the database guarantees it for two
    /// submissions at the same moment (each checking before the other saved). An exclusion constraint on the member and
    /// the days the rotation occupies — from the start to the actual end, or the planned end while it runs, both days
    /// included as in <c>Rotation.Create</c> (docs/adr/0012-rotations.md).
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261123500100_RotationsNoOverlap")]
    public partial class RotationsNoOverlap : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create extension if not exists btree_gist;
                alter table rotations add constraint rotations_no_overlap exclude using gist (
                    member_id with =,
                    daterange(start_on, coalesce(actual_end_on, planned_end_on), '[]') with &&);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("alter table rotations drop constraint rotations_no_overlap;");
        }
    }
}
