-- Start-up seeding (registry import, role grants, demo staff, Tasklist filters) runs on every node of a cluster;
-- nodes starting together take turns by locking this row, so nothing is created twice.
create table jz_startup_lock (
    name varchar(40) not null primary key
);
insert into jz_startup_lock (name) values ('seeding');
