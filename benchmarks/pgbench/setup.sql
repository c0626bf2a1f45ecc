-- PostgreSQL's own ceiling for the kinds of work the product does, on tables shaped like Marten's (scripts/bench).
-- 50 000 streams of 20 events (10^6 events, ~600-byte JSON bodies) and 100 000 documents (~1.5 kB JSON).
drop table if exists streams, events, docs;
create table streams (id bigint primary key, version int not null, timestamp timestamptz not null default now());
create table events (
  seq bigserial primary key, stream_id bigint not null, version int not null, type text not null, data jsonb not null,
  timestamp timestamptz not null default now(), unique (stream_id, version));
create table docs (id bigint primary key, data jsonb not null, registered_at timestamptz not null);

insert into streams select g, 20 from generate_series(1, 50000) g;
insert into events (stream_id, version, type, data)
  select s, v, 'equipment_registry.rig_spot_checked',
         jsonb_build_object('rigId', md5(s::text), 'jurisdictionCode', '330212', 'statusSeen', 'InUse',
                            'warningsSeen', jsonb_build_array(repeat('w', 200)), 'byAccountId', md5(v::text),
                            'at', now(), 'note', repeat('x', 250))
    from generate_series(1, 50000) s, generate_series(1, 20) v;
insert into docs
  select g, jsonb_build_object('id', g, 'ownerId', md5(g::text), 'description', repeat('d', 1200), 'status', 'InUse'),
         now() - g * interval '1 minute'
    from generate_series(1, 100000) g;
create index docs_registered_at on docs (registered_at desc, id desc);
vacuum analyze streams, events, docs;
