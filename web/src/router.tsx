// The route tree (code-based). Screens load lazily, so the first paint only needs the shell.
import { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { sessionQuery } from './session/session.ts';
import { parseQueryString, toQueryString, type QueryValue } from './lib/query-string.ts';
import { validateListSearch } from './lib/list-search.ts';
import type { CampaignSearch } from './queries/campaigns.ts';
import type { FormTab } from './routes/forms/FormDetailPage.tsx';
import { validateDealSearch } from './routes/deals/deal-search.ts';
import { validateForecastSearch, validateSalesMetricsSearch } from './routes/forecast/forecast-search.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { PagePending, RouteError, NotFound } from './layout/RouteStates.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

/** Pages for signed-out visitors: a signed-in user goes straight into the app. */
async function requireSignedOut({ context }: { context: RouterContext }) {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (session.onboardingOpen) throw redirect({ to: '/onboarding' });
  if (session.authenticated) throw redirect({ to: '/' });
}

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } =>
    typeof s.redirect === 'string' && s.redirect.startsWith('/') ? { redirect: s.redirect } : {},
  beforeLoad: requireSignedOut,
  component: lazyRouteComponent(() => import('./routes/auth/LoginPage.tsx'), 'LoginPage'),
});

const onboardingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/onboarding',
  beforeLoad: async ({ context }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session.onboardingOpen) throw redirect({ to: session.authenticated ? '/' : '/login' });
  },
  component: lazyRouteComponent(() => import('./routes/auth/OnboardingPage.tsx'), 'OnboardingPage'),
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: lazyRouteComponent(() => import('./routes/auth/AcceptInvitePage.tsx'), 'AcceptInvitePage'),
});

/** Everything behind sign-in shares the app shell. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session.onboardingOpen) throw redirect({ to: '/onboarding' });
    if (!session.authenticated) {
      throw redirect({ to: '/login', search: location.href === '/' ? {} : { redirect: location.href } });
    }
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./routes/home/HomePage.tsx'), 'HomePage'),
});

const myWorkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/my-work',
  component: lazyRouteComponent(() => import('./routes/my-work/MyWorkPage.tsx'), 'MyWorkPage'),
});

const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts',
  validateSearch: validateListSearch,
  component: lazyRouteComponent(() => import('./routes/contacts/ContactsPage.tsx'), 'ContactsPage'),
});

const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$contactId',
  component: lazyRouteComponent(() => import('./routes/contacts/ContactDetailPage.tsx'), 'ContactDetailPage'),
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  validateSearch: validateListSearch,
  component: lazyRouteComponent(() => import('./routes/accounts/AccountsPage.tsx'), 'AccountsPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  component: lazyRouteComponent(() => import('./routes/accounts/AccountDetailPage.tsx'), 'AccountDetailPage'),
});

const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals',
  validateSearch: validateDealSearch,
  component: lazyRouteComponent(() => import('./routes/deals/DealsPage.tsx'), 'DealsPage'),
});

const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/$dealId',
  component: lazyRouteComponent(() => import('./routes/deals/DealDetailPage.tsx'), 'DealDetailPage'),
});

const forecastRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forecast',
  validateSearch: validateForecastSearch,
  component: lazyRouteComponent(() => import('./routes/forecast/ForecastPage.tsx'), 'ForecastPage'),
});

const salesMetricsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forecast/metrics',
  validateSearch: validateSalesMetricsSearch,
  component: lazyRouteComponent(() => import('./routes/forecast/SalesMetricsPage.tsx'), 'SalesMetricsPage'),
});

const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns',
  validateSearch: (s: Record<string, unknown>): CampaignSearch => ({
    ...validateListSearch(s),
    ...(s.view === 'trash' ? { view: 'trash' as const } : {}),
  }),
  component: lazyRouteComponent(() => import('./routes/campaigns/CampaignsPage.tsx'), 'CampaignsPage'),
});

const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns/$campaignId',
  component: lazyRouteComponent(() => import('./routes/campaigns/CampaignDetailPage.tsx'), 'CampaignDetailPage'),
});

const formsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms',
  validateSearch: validateListSearch,
  component: lazyRouteComponent(() => import('./routes/forms/FormsPage.tsx'), 'FormsPage'),
});

const newFormRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms/new',
  component: lazyRouteComponent(() => import('./routes/forms/FormBuilderPage.tsx'), 'NewFormPage'),
});

const formRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms/$formId',
  validateSearch: (s: Record<string, unknown>): { tab?: FormTab } => (s.tab === 'submissions' || s.tab === 'share' ? { tab: s.tab } : {}),
  component: lazyRouteComponent(() => import('./routes/forms/FormDetailPage.tsx'), 'FormDetailPage'),
});

const editFormRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms/$formId/edit',
  component: lazyRouteComponent(() => import('./routes/forms/FormBuilderPage.tsx'), 'EditFormPage'),
});

export interface ImportSearch {
  objectType?: 'contact' | 'account' | 'deal';
  id?: string;
}

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/import',
  validateSearch: (s: Record<string, unknown>): ImportSearch => ({
    ...(s.objectType === 'contact' || s.objectType === 'account' || s.objectType === 'deal' ? { objectType: s.objectType } : {}),
    ...(typeof s.id === 'string' && /^[0-9a-f-]{36}$/i.test(s.id) ? { id: s.id } : {}),
  }),
  component: lazyRouteComponent(() => import('./routes/imports/ImportPage.tsx'), 'ImportPage'),
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(() => import('./routes/settings/SettingsLayout.tsx'), 'SettingsLayout'),
});

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/workspace' });
  },
});

const workspaceSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/workspace',
  component: lazyRouteComponent(() => import('./routes/settings/WorkspaceSettings.tsx'), 'WorkspaceSettings'),
});

const usersSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('./routes/settings/UsersSettings.tsx'), 'UsersSettings'),
});

const apiKeysSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/api-keys',
  component: lazyRouteComponent(() => import('./routes/settings/ApiKeysSettings.tsx'), 'ApiKeysSettings'),
});

const outboxSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/outbox',
  component: lazyRouteComponent(() => import('./routes/settings/OutboxSettings.tsx'), 'OutboxSettings'),
});

const channelsSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/channels',
  component: lazyRouteComponent(() => import('./routes/settings/ChannelsSettings.tsx'), 'ChannelsSettings'),
});

const sourcesSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/sources',
  component: lazyRouteComponent(() => import('./routes/settings/SourcesSettings.tsx'), 'SourcesSettings'),
});

const pipelinesSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/pipelines',
  component: lazyRouteComponent(() => import('./routes/settings/PipelinesSettings.tsx'), 'PipelinesSettings'),
});

const productsSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/products',
  component: lazyRouteComponent(() => import('./routes/settings/ProductsSettings.tsx'), 'ProductsSettings'),
});

const closeReasonsSettingsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/close-reasons',
  component: lazyRouteComponent(() => import('./routes/settings/CloseReasonsSettings.tsx'), 'CloseReasonsSettings'),
});

export interface CustomFieldsSearch {
  objectType?: 'contact' | 'account';
}

const customFieldsRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/custom-fields',
  validateSearch: (s: Record<string, unknown>): CustomFieldsSearch => (s.objectType === 'account' ? { objectType: 'account' } : {}),
  component: lazyRouteComponent(() => import('./routes/settings/CustomFieldsSettings.tsx'), 'CustomFieldsSettings'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  onboardingRoute,
  inviteRoute,
  appRoute.addChildren([
    homeRoute,
    myWorkRoute,
    contactsRoute,
    contactRoute,
    accountsRoute,
    accountRoute,
    dealsRoute,
    forecastRoute,
    salesMetricsRoute,
    dealRoute,
    campaignsRoute,
    campaignRoute,
    formsRoute,
    newFormRoute,
    formRoute,
    editFormRoute,
    importRoute,
    settingsRoute.addChildren([
      settingsIndexRoute,
      workspaceSettingsRoute,
      usersSettingsRoute,
      apiKeysSettingsRoute,
      customFieldsRoute,
      outboxSettingsRoute,
      channelsSettingsRoute,
      sourcesSettingsRoute,
      pipelinesSettingsRoute,
      productsSettingsRoute,
      closeReasonsSettingsRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PagePending,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
    parseSearch: (search) => parseQueryString(search),
    stringifySearch: (search) => {
      const qs = toQueryString(search as Record<string, QueryValue>);
      return qs ? `?${qs}` : '';
    },
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
