using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// Cadres outside the party (ADR 0014):
    /// <list type="bullet">
    /// <item><c>cadre_people</c>, the view the cadre functions read a person from: members and non-member cadres, whose ids
    /// come from the same sequence (members_id_seq), so the cadre records' <c>member_id</c> names one person;</item>
    /// <item>the integrity the foreign keys to members gave, now over both tables: a cadre record names an existing person
    /// (<c>cadre_person_exists</c>), and a person named by one is not deleted (<c>cadre_person_referenced</c>).</item>
    /// </list>
    /// Existing rows are unchanged: every member_id already names a member.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261124400100_NonMemberCadresView")]
    public partial class NonMemberCadresView : Migration
    {
        /// <summary>The cadre records that name a person of cadre_people by member_id.</summary>
        public static readonly string[] PersonTables = ["appointments", "rotations", "retirement_decisions"];

        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create view cadre_people as
                select m.id, m.organization_id, m.full_name, m.gender, m.birth_date, m.birth_year_only, m.ethnicity, m.religion,
                       m.professional, m.political_theory, m.hometown, true as is_party_member, m.status as member_status
                from members m
                union all
                select c.id, c.organization_id, c.full_name, c.gender, c.birth_date, c.birth_year_only, c.ethnicity, c.religion,
                       c.professional, c.political_theory, c.hometown, false, null::varchar(20)
                from non_member_cadres c;

                create function cadre_person_exists() returns trigger language plpgsql as $$
                begin
                    if not exists (select 1 from members where id = new.member_id)
                       and not exists (select 1 from non_member_cadres where id = new.member_id) then
                        raise foreign_key_violation using message = format(
                            '%s.member_id = %s: không có đảng viên hay cán bộ ngoài Đảng nào mang mã này', tg_table_name, new.member_id);
                    end if;
                    return new;
                end $$;

                create function cadre_person_referenced() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from appointments where member_id = old.id)
                       or exists (select 1 from rotations where member_id = old.id)
                       or exists (select 1 from retirement_decisions where member_id = old.id) then
                        raise foreign_key_violation using message = format(
                            'Không xóa được %s %s: còn bổ nhiệm, luân chuyển hoặc quyết định nghỉ hưu ghi cho người này', tg_table_name, old.id);
                    end if;
                    return old;
                end $$;

                create trigger non_member_cadres_referenced before delete on non_member_cadres
                    for each row execute function cadre_person_referenced();
                create trigger members_cadre_referenced before delete on members
                    for each row execute function cadre_person_referenced();
                """);
            foreach (var table in PersonTables)
                migrationBuilder.Sql($"""
                    create trigger {table}_person_exists before insert or update of member_id on {table}
                        for each row execute function cadre_person_exists();
                    """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in PersonTables)
                migrationBuilder.Sql($"drop trigger {table}_person_exists on {table};");
            migrationBuilder.Sql("""
                drop trigger members_cadre_referenced on members;
                drop trigger non_member_cadres_referenced on non_member_cadres;
                drop function cadre_person_referenced();
                drop function cadre_person_exists();
                drop view cadre_people;
                """);
        }
    }
}
