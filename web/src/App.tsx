import { Center, Loader } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { PageErrorBoundary } from './components/PageErrorBoundary.tsx';
import { EventStreamProvider } from './events.tsx';
import { Layout } from './Layout.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { useSession } from './session.tsx';

// Each signed-in page is its own chunk: the first load carries only the shell and the page shown.
const OverviewPage = lazy(() => import('./pages/OverviewPage.tsx'));
const SourcesPage = lazy(() => import('./pages/SourcesPage.tsx'));
const SourcePage = lazy(() => import('./pages/SourcePage.tsx'));
const CampaignsPage = lazy(() => import('./pages/CampaignsPage.tsx'));
const ComposerPage = lazy(() => import('./pages/ComposerPage.tsx'));
const CampaignPage = lazy(() => import('./pages/CampaignPage.tsx'));
const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage.tsx'));
const CalendarPage = lazy(() => import('./pages/CalendarPage.tsx'));
const DeliveriesPage = lazy(() => import('./pages/DeliveriesPage.tsx'));
const OutboxPage = lazy(() => import('./pages/OutboxPage.tsx'));
const SettingsPage = lazy(() => import('./pages/SettingsPage.tsx'));

export function App() {
  const session = useSession();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  return (
    <Switch>
      <Route path="/setup" component={SetupPage} />
      <Route path="/login">{session.data ? <Redirect to="/" replace /> : <LoginPage />}</Route>
      <Route>{session.data ? <SignedIn /> : <Redirect to="/login" replace />}</Route>
    </Switch>
  );
}

function SignedIn() {
  const [location] = useLocation();
  return (
    <EventStreamProvider>
      <Layout>
        <PageErrorBoundary resetKey={location}>
          <Suspense fallback={<FullPageLoader />}>
            <Switch>
              <Route path="/" component={OverviewPage} />
              <Route path="/sources" component={SourcesPage} />
              <Route path="/sources/:id">{(p) => <SourcePage id={p.id} />}</Route>
              <Route path="/campaigns" component={CampaignsPage} />
              <Route path="/campaigns/new" component={ComposerPage} />
              <Route path="/campaigns/:id">{(p) => <CampaignPage id={p.id} />}</Route>
              <Route path="/approvals" component={ApprovalsPage} />
              <Route path="/calendar" component={CalendarPage} />
              <Route path="/deliveries" component={DeliveriesPage} />
              <Route path="/outbox" component={OutboxPage} />
              <Route path="/settings/:tab?">{(p) => <SettingsPage tab={p.tab ?? 'brand'} />}</Route>
              <Route>
                <NotFound />
              </Route>
            </Switch>
          </Suspense>
        </PageErrorBoundary>
      </Layout>
    </EventStreamProvider>
  );
}

function FullPageLoader(): ReactNode {
  return (
    <Center h="60vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

function NotFound() {
  return <ErrorAlert error={new Error('There is no page at this address.')} title="Not found" />;
}
