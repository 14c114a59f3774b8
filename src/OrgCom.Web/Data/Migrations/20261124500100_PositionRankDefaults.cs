using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// The rank within the level of the positions that existed before it (planning only for a higher position, Quy định
    /// 377-QĐ/TW), read from the name as the positions page would set it: Bí thư → người đứng đầu; Phó Bí thư, Phó … →
    /// cấp phó; a provincial or commune Chủ tịch of a state body (by convention a Phó Bí thư) → cấp phó, of the Front or a
    /// mass organization (by convention in the standing committee) → ủy viên ban thường vụ; another Chủ tịch, Giám đốc,
    /// Trưởng … → người đứng đầu; Ủy viên Ban Thường vụ; Ủy viên; anything else → khác. Administrators correct
    /// the exceptions on the positions page (docs/adr/0010-cadres.md, amendment).
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261124500100_PositionRankDefaults")]
    public partial class PositionRankDefaults : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                update positions set rank = case
                    when name like 'Phó %' then 'Deputy'
                    when name like 'Bí thư%' then 'Head'
                    when name like 'Ủy viên Ban Thường vụ%' or name like 'Uỷ viên Ban Thường vụ%' then 'StandingCommitteeMember'
                    when name like 'Ủy viên%' or name like 'Uỷ viên%' then 'CommitteeMember'
                    when name like 'Chủ tịch%' and body_kind = 'State' and level in ('Provincial', 'Commune') then 'Deputy'
                    when name like 'Chủ tịch%' and body_kind = 'MassOrganization' and level in ('Provincial', 'Commune') then 'StandingCommitteeMember'
                    when name like 'Chủ tịch%' or name like 'Giám đốc%' or name like 'Trưởng %' or name like 'Chánh %' then 'Head'
                    else 'Other' end
                where rank = '';
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
