using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// A frozen report ("chốt số liệu") is never changed or deleted, like the audit log: its numbers are left out of the
    /// audit line (<c>ResultJson</c> is not audited), so the database refuses any change to it instead.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261122410200_FrozenReportsUnchangeable")]
    public partial class FrozenReportsUnchangeable : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create function frozen_reports_unchangeable() returns trigger language plpgsql as $$
                begin
                    raise exception 'frozen_reports: a frozen report cannot be changed or deleted';
                end $$;
                create trigger frozen_reports_unchangeable before update or delete on frozen_reports
                    for each row execute function frozen_reports_unchangeable();
                create trigger frozen_reports_no_truncate before truncate on frozen_reports
                    for each statement execute function frozen_reports_unchangeable();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger frozen_reports_no_truncate on frozen_reports;
                drop trigger frozen_reports_unchangeable on frozen_reports;
                drop function frozen_reports_unchangeable();
                """);
        }
    }
}
