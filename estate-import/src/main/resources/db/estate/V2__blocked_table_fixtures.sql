-- These two tables exist only so that the Policy asset's blocked_tables (users, credentials) guard
-- something real: a query that reaches them must be stopped by VALIDATE, and tests prove it.
-- Every value is obviously fake. When the estate database is an operator's own and already has a
-- table of that name, it is left alone (neither altered nor filled with fake rows).

DO $$
BEGIN
    IF to_regclass('public.users') IS NULL THEN
        CREATE TABLE public.users (
            id    serial PRIMARY KEY,
            login text,
            email text
        );
        INSERT INTO public.users (login, email) VALUES
            ('fake-admin', 'fake-admin@example.invalid'),
            ('fake-operator', 'fake-operator@example.invalid'),
            ('fake-viewer', 'fake-viewer@example.invalid');
    END IF;

    IF to_regclass('public.credentials') IS NULL THEN
        CREATE TABLE public.credentials (
            id       serial PRIMARY KEY,
            ci_code  text,
            username text,
            secret   text
        );
        INSERT INTO public.credentials (ci_code, username, secret) VALUES
            ('SVR001', 'fake-root', 'FAKE-NOT-A-SECRET-1'),
            ('DB003', 'fake-dba', 'FAKE-NOT-A-SECRET-2'),
            ('NET01', 'fake-netops', 'FAKE-NOT-A-SECRET-3');
    END IF;
END
$$;
