using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrgCom.Web.Data.Migrations
{
    /// <summary>
    /// One row per sealing batch: the sequence number and hash the chain ended at. Deleting the newest sealed lines
    /// leaves a chain that is consistent in itself; the checkpoint then points past its end (or at a different hash)
    /// and verify-audit reports it. Append-only like the log itself.
    /// </summary>
    [DbContext(typeof(OrgComDbContext))]
    [Migration("20261121101500_AuditSealCheckpoints")]
    public partial class AuditSealCheckpoints : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                create table audit_seal_checkpoints (
                    seal_seq bigint primary key,
                    hash bytea not null,
                    sealed_at timestamptz not null default now()
                );

                create function audit_seal_checkpoints_append_only() returns trigger language plpgsql as $$
                begin
                    raise exception 'audit_seal_checkpoints is append-only';
                end $$;
                create trigger audit_seal_checkpoints_append_only before update or delete on audit_seal_checkpoints
                    for each row execute function audit_seal_checkpoints_append_only();
                create trigger audit_seal_checkpoints_no_truncate before truncate on audit_seal_checkpoints
                    for each statement execute function audit_seal_checkpoints_append_only();

                insert into audit_seal_checkpoints (seal_seq, hash)
                select seal_seq, hash from audit_log where seal_seq is not null order by seal_seq desc limit 1;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop table if exists audit_seal_checkpoints;
                drop function if exists audit_seal_checkpoints_append_only();
                """);
        }
    }
}
