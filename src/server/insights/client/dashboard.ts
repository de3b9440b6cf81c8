/**
 * The /insights dashboard: the filter form (kept in the URL), and each panel with its chart,
 * "Download CSV" (the rows it plots) and "Open in explorer" (the operation behind it).
 */
import { buildExplorerLink } from '../../explorer/explorer-config.ts';
import { toCsv } from '../csv.ts';
import { locationPath } from '../insights-config.ts';
import {
  buildCsvFileName,
  readFilters,
  REGULATORS,
  writeFilters,
  type InsightFilters,
} from '../insights-filters.ts';
import {
  enforcementPanel,
  providerGroupsPanel,
  ratingChangesPanel,
  repeatedRegulationsPanel,
  requirementRatesPanel,
  themeRatesPanel,
  type PanelData,
} from '../panels/index.ts';
import { NO_OPTIONS, readFilterOptions, type FilterOptions } from '../panels/filter-options.ts';
import type { PostGraphql } from '../panels/post-graphql.ts';
import type { RepeatedRegulationRow } from '../panels/repeated-regulations.ts';
import {
  chartEnforcement,
  chartProviderGroups,
  chartRatingChanges,
  chartRepeatedRegulations,
  chartRequirementRates,
  chartThemeRates,
} from './charts.ts';
import { h, showError } from './dom.ts';

interface PanelView<Row> {
  data: PanelData<Row>;
  chart(data: PanelData<Row>, rows: Row[]): Element;
  details?(rows: Row[]): Element;
}

function view<Row>(
  data: PanelData<Row>,
  chart: (data: PanelData<Row>, rows: Row[]) => Element,
  details?: (rows: Row[]) => Element,
): PanelView<unknown> {
  return { data, chart, details } as unknown as PanelView<unknown>;
}

function listLocations(rows: RepeatedRegulationRow[]): Element {
  return h(
    'dl',
    { class: 'behind-bars' },
    rows.flatMap((row) => [
      h('dt', {}, row.regulation, row.heading ? ` ${row.heading}` : ''),
      h(
        'dd',
        {},
        row.locationList.flatMap((location, index) => [
          index > 0 ? ', ' : '',
          h(
            'a',
            { href: locationPath(location.id), 'data-location': location.id },
            location.name ?? location.id,
          ),
          ` (${location.inspections})`,
        ]),
      ),
    ]),
  );
}

const PANELS: PanelView<unknown>[] = [
  view(repeatedRegulationsPanel, chartRepeatedRegulations, listLocations),
  view(requirementRatesPanel, chartRequirementRates),
  view(themeRatesPanel, chartThemeRates),
  view(ratingChangesPanel, chartRatingChanges),
  view(enforcementPanel, chartEnforcement),
  view(providerGroupsPanel, chartProviderGroups),
];

function downloadCsv(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function fillPanel(
  section: HTMLElement,
  panel: PanelView<unknown>,
  post: PostGraphql,
  filters: InsightFilters,
): Promise<void> {
  const { data } = panel;
  section.dataset.state = 'loading';
  const body = section.querySelector('.panel-body')!;
  const notes = section.querySelector('.panel-notes')!;
  const download = section.querySelector<HTMLButtonElement>('button.download')!;
  const explore = section.querySelector<HTMLAnchorElement>('a.explore')!;
  explore.href = buildExplorerLink(data.operation, data.variables(filters));
  const exported = section.querySelector<HTMLAnchorElement>('a.export');
  if (exported && data.exportPath) exported.href = data.exportPath(filters);
  notes.replaceChildren(
    ...(data.countedHere ? [h('li', { class: 'counted-here' }, data.countedHere)] : []),
    ...data.filterNotes(filters).map((note) => h('li', {}, note)),
  );
  download.disabled = true;
  body.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
  try {
    const rows = await data.load(post, filters);
    download.disabled = false;
    download.onclick = () =>
      downloadCsv(buildCsvFileName(data.id, filters), toCsv(data.columns, rows));
    section.dataset.rows = String(rows.length);
    body.replaceChildren(
      rows.length === 0
        ? h('p', { class: 'muted empty' }, 'No rows for these filters.')
        : h('div', {}, panel.chart(data, rows), panel.details?.(rows)),
    );
    section.dataset.state = 'ready';
  } catch (error) {
    showError(body, error);
    section.dataset.state = 'error';
  }
}

function panelSection(panel: PanelView<unknown>): HTMLElement {
  const { data } = panel;
  return h(
    'section',
    {
      class: 'panel',
      'data-panel': data.id,
      'data-state': 'loading',
      'aria-labelledby': `${data.id}-title`,
    },
    h('h2', { id: `${data.id}-title` }, data.title),
    h('p', { class: 'muted' }, data.description),
    h('ul', { class: 'panel-notes' }),
    h(
      'div',
      { class: 'panel-actions' },
      h('button', { type: 'button', class: 'download' }, 'Download CSV'),
      data.exportPath
        ? h('a', { class: 'export', href: '/', download: '' }, 'Full CSV from the API')
        : null,
      h(
        'a',
        { class: 'explore', target: '_blank', rel: 'noopener', href: '/' },
        'Open in explorer',
      ),
    ),
    h('div', { class: 'panel-body' }),
  );
}

/** A free-text place (name or code, any case, as the API takes it) with the lookup's choices. */
function textField(
  name: 'region' | 'localAuthority',
  label: string,
  value: string | null,
  options: { name: string; code: string | null }[],
): Element {
  const listId = `${name}-options`;
  return h(
    'label',
    {},
    label,
    h('input', { name, value: value ?? '', list: listId, autocomplete: 'off' }),
    h(
      'datalist',
      { id: listId },
      options.map((option) => h('option', { value: option.name }, option.code ?? '')),
    ),
  );
}

function filterForm(filters: InsightFilters, options: FilterOptions): HTMLFormElement {
  const select = (
    name: string,
    label: string,
    value: string | null,
    choices: { value: string; text: string }[],
  ): Element =>
    h(
      'label',
      {},
      label,
      h(
        'select',
        { name },
        h('option', { value: '' }, 'all'),
        choices.map((choice) =>
          h(
            'option',
            { value: choice.value, ...(choice.value === value ? { selected: '' } : {}) },
            choice.text,
          ),
        ),
      ),
    );
  return h(
    'form',
    { class: 'filters', id: 'filters' },
    select(
      'regulator',
      'Regulator',
      filters.regulator,
      REGULATORS.map((regulator) => ({ value: regulator, text: regulator })),
    ),
    textField('region', 'Region', filters.region, options.regions),
    textField(
      'localAuthority',
      'Local authority',
      filters.localAuthority,
      options.localAuthorities,
    ),
    select(
      'providerGroup',
      'Provider group',
      filters.providerGroup,
      groupChoices(filters, options),
    ),
    h('label', {}, 'From', h('input', { type: 'date', name: 'from', value: filters.from ?? '' })),
    h('label', {}, 'To', h('input', { type: 'date', name: 'to', value: filters.to ?? '' })),
    h('button', { type: 'submit' }, 'Apply'),
    h('a', { href: '/insights', class: 'clear' }, 'Clear'),
  );
}

function groupChoices(
  filters: InsightFilters,
  options: FilterOptions,
): { value: string; text: string }[] {
  const choices = options.providerGroups.map((group) => ({
    value: group.id,
    text: `${group.name ?? group.id} (${group.providerCount} providers, ${group.locationCount} locations)`,
  }));
  const chosen = filters.providerGroup;
  return chosen === null || choices.some((choice) => choice.value === chosen)
    ? choices
    : [{ value: chosen, text: chosen }, ...choices];
}

function readForm(form: HTMLFormElement): InsightFilters {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) params.set(name, String(value));
  return readFilters(params.toString());
}

export async function renderDashboard(root: HTMLElement, post: PostGraphql): Promise<void> {
  let filters = readFilters(location.search);
  const sections = PANELS.map((panel) => ({ panel, section: panelSection(panel) }));
  const fillAll = (): Promise<void[]> =>
    Promise.all(sections.map(({ panel, section }) => fillPanel(section, panel, post, filters)));
  const formSlot = h('div', {}, h('p', { class: 'muted' }, 'Loading filters…'));
  root.replaceChildren(
    formSlot,
    h(
      'main',
      { class: 'panels' },
      sections.map(({ section }) => section),
    ),
  );
  const readOptions = (): Promise<FilterOptions> =>
    readFilterOptions(post, filters.region).catch((): FilterOptions => NO_OPTIONS);
  let options = await readOptions();
  let form = formSlot as Element;
  const showForm = (): void => {
    const next = filterForm(filters, options);
    next.addEventListener('submit', (event) => {
      event.preventDefault();
      filters = readForm(next);
      const search = writeFilters(filters);
      history.pushState(null, '', search ? `?${search}` : location.pathname);
      void fillAll();
      void refreshForm();
    });
    form.replaceWith(next);
    form = next;
  };
  // The local authorities offered are the chosen region's: read them again when it changes.
  const refreshForm = async (): Promise<void> => {
    options = await readOptions();
    showForm();
  };
  window.addEventListener('popstate', () => {
    filters = readFilters(location.search);
    showForm();
    void fillAll();
    void refreshForm();
  });
  showForm();
  await fillAll();
}
