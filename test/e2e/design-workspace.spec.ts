import { expectAccessible, realClick } from './checks';
import { expect, setUpProfile, test } from './fixtures';
import { DesignPage } from './pages/design';
import { ProjectsPage } from './pages/projects';

test('a monument design updates its results and saves; back to a pole sign restores the clearance', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'Birch Dental monument' });
  const design = new DesignPage(page);
  await design.open();
  await design.waitUpToDate();
  // the default: 8 ft x 3 ft cabinet 12 ft up, top at 15 ft
  await expect(page.getByRole('img', { name: 'Elevation drawing' })).toContainText('overall 15 ft');
  const momentBefore = await design.metric('Moment / pole').innerText();

  await design.form().getByLabel('Sign kind').selectOption({ label: 'Monument (at grade)' });
  // the results follow: top at 3 ft, a smaller moment at grade; the status is true
  await expect(page.getByRole('img', { name: 'Elevation drawing' })).toContainText('overall 3 ft');
  await expect(design.metric('Moment / pole')).not.toHaveText(momentBefore);
  await design.waitUpToDate();
  await expect(design.results().getByTestId('results-stale')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Fields to fix' })).toHaveCount(0);
  await shot(page, '1-monument', { screen: true });

  await realClick(page.getByRole('button', { name: 'Save revision' }));
  await expect(page.getByText('Saved design revision 1 of S1.')).toBeVisible();
  await expect(design.revisions().getByRole('row')).toHaveCount(2);

  // back to a pole sign: the 12 ft clearance the estimator had comes back
  await design
    .form()
    .getByLabel('Sign kind')
    .selectOption({ label: 'Pole sign (cabinets on poles)' });
  await expect(design.form().getByLabel('Clearance to grade (ft)')).toHaveValue('12');
  await expect(page.getByRole('img', { name: 'Elevation drawing' })).toContainText('overall 15 ft');
  await design.waitUpToDate();
});

test('while a field is invalid the results panel says it is out of date, and the status never says up to date', async ({
  page,
  app,
  shot,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'Stale check' });
  const design = new DesignPage(page);
  await design.open();
  await design.setNumber('Clearance to grade (ft)', 20);
  await design.waitUpToDate();
  const pole = await design.selectedPole().innerText();

  // a rule across fields, checked on a field not typed in: a 23 ft sign on an aluminum pole
  // (aluminum only up to 15 ft overall)
  await design.form().getByLabel('Pole material').selectOption('aluminum');
  await expect(design.results().getByTestId('results-stale')).toContainText('Out of date');
  await expect(page.getByText('Results are up to date.')).toHaveCount(0);
  await expect(page.getByText(/Results are out of date/)).toBeVisible();
  const problems = page.getByRole('list', { name: 'Fields to fix' });
  await expect(problems).toContainText('Aluminum poles are limited to 15 ft overall height');
  // the last valid numbers stay, marked, and saving is refused with the reason in words
  await expect(design.selectedPole()).toHaveText(pole);
  await expect(page.getByRole('button', { name: 'Save revision' })).toBeDisabled();
  await expectAccessible(page, 'design with a field to fix');
  await shot(page, '2-stale', { screen: true });

  await design.form().getByLabel('Pole material').selectOption('steel');
  await design.waitUpToDate();
  await expect(design.results().getByTestId('results-stale')).toHaveCount(0);
});

test('a revision shows its inputs; copying them into the editor can be undone', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await setUpProfile(page);
  await new ProjectsPage(page).create({ name: 'Copy inputs' });
  const design = new DesignPage(page);
  await design.open();
  await design.setNumber('Basic wind speed V (mph)', 140);
  await design.waitUpToDate();
  await page.getByRole('button', { name: 'Save revision' }).click();
  await expect(design.revisions().getByRole('row')).toHaveCount(2);
  await design.setNumber('Basic wind speed V (mph)', 100);
  await design.waitUpToDate();

  await realClick(page.getByRole('button', { name: 'Open revision 1' }));
  const dialog = page.getByRole('dialog', { name: /design revision 1/ });
  const inputs = dialog.getByRole('region', { name: 'Inputs' });
  await expect(inputs).toContainText('Basic wind speed V');
  await expect(inputs).toContainText('140 mph');
  await realClick(dialog.getByRole('button', { name: 'Copy these inputs to the editor' }));
  await expect(dialog).toBeHidden();
  await expect(design.form().getByLabel('Basic wind speed V (mph)')).toHaveValue('140');
  await design.waitUpToDate();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(design.form().getByLabel('Basic wind speed V (mph)')).toHaveValue('100');
  await design.waitUpToDate();
});
